package dev.arena.debate;

import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests a debate would send, for {@code --dry-run}. Answers are not known before the
 * debate runs, so each earlier turn appears as a placeholder such as
 * {@code <Pro's round 1 answer>}; everything else is exactly what would be sent.
 */
public final class DryRun {

    /** One request of the plan: what it is for, the models that would be tried, and the request. */
    public record PlannedRequest(String label, List<String> models, ChatRequest request) {
    }

    private DryRun() {
    }

    public static List<PlannedRequest> plan(DebateSettings settings) {
        List<PlannedRequest> plan = new ArrayList<>();
        List<Turn> history = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            for (Side side : Side.values()) {
                Fighter fighter = settings.fighter(side);
                ChatRequest request = new FighterAgent(fighter, settings).request(history, round);
                plan.add(new PlannedRequest("Round " + round + " — " + side.label(), fighter.models(), request));
                history.add(placeholder(round, side, settings));
            }
        }
        if (settings.judged()) {
            for (Side first : Side.values()) {
                plan.add(new PlannedRequest("Judge, " + first.label() + " presented first", settings.judgeModels(),
                        Judge.request(settings, history, first)));
            }
        }
        return plan;
    }

    private static Turn placeholder(int round, Side side, DebateSettings settings) {
        Instant now = Instant.now();
        String model = settings.fighter(side).model();
        return new Turn(round, side, Phase.of(round, settings.rounds()), model, model,
                "<" + side.label() + "'s round " + round + " answer>", Usage.NONE, now, now, List.of(), null);
    }
}
