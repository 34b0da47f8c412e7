package dev.arena.tournament;

import dev.arena.fake.RuleJudge;
import dev.arena.openrouter.CancelledException;
import dev.arena.openrouter.Cancellation;
import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Completion;
import dev.arena.openrouter.HttpStatusException;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.Usage;
import dev.arena.resilience.Answer;
import dev.arena.resilience.Answerer;
import dev.arena.resilience.ChainFailedException;
import dev.arena.resilience.ChainListener;
import dev.arena.resilience.RequestTag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Answers a tournament by rule, in any order and from many threads at once: a fighter says who it
 * is, and a judge names as winner whichever debater is the {@code strongest} model of the two
 * (by its words, since judges never see ids), or always the debater it reads first when told to
 * be biased. Every request is kept; models in {@code failing} fail, and a {@code refusing} one
 * answers 401.
 */
final class RuleAnswerer implements Answerer {

    record Asked(String model, RequestTag tag, ChatRequest request) {
    }

    private final List<String> strength;
    private final List<Asked> asked = new ArrayList<>();
    final Set<String> failing = ConcurrentHashMap.newKeySet();
    final Set<String> refusing = ConcurrentHashMap.newKeySet();
    volatile boolean biased;
    volatile Predicate<Asked> cancelWhen = a -> false;
    volatile double costPerAnswer = 0.001;

    /** {@code strength}: the models from weakest to strongest. */
    RuleAnswerer(List<String> strength) {
        this.strength = List.copyOf(strength);
    }

    synchronized List<Asked> asked() {
        return List.copyOf(asked);
    }

    @Override
    public int answerLimit() {
        return 200_000;
    }

    @Override
    public Answer answer(ChatRequest request, List<String> models, ChainListener listener, Cancellation cancel,
                         RequestTag tag) throws ChainFailedException, HttpStatusException, CancelledException {
        cancel.throwIfCancelled();
        List<dev.arena.openrouter.ApiException> failures = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String model = models.get(i);
            Asked a = new Asked(model, tag, request);
            synchronized (this) {
                asked.add(a);
            }
            listener.onAttempt(model, false);
            if (refusing.contains(model)) {
                throw new HttpStatusException(model, 401, "Invalid API key", null, null);
            }
            if (cancelWhen.test(a)) {
                cancel.cancel();
                throw new CancelledException();
            }
            if (failing.contains(model)) {
                HttpStatusException failure = new HttpStatusException(model, 500, "scripted failure", null, null);
                failures.add(failure);
                if (i + 1 < models.size()) {
                    listener.onFallback(failure, models.get(i + 1), false);
                }
                continue;
            }
            String text = tag.purpose() == RequestTag.Purpose.JUDGE ? verdict(request) : RuleJudge.says(model);
            listener.onContent(text);
            Completion completion = new Completion(model, "stop", new Usage(10, 10, costPerAnswer), null, null);
            return new Answer(text, model, completion, Duration.ZERO, failures);
        }
        throw new ChainFailedException(failures, "");
    }

    private String verdict(ChatRequest request) {
        return RuleJudge.verdict(request.messages().get(request.messages().size() - 1).content(), strength, biased);
    }

    static boolean isJudge(Asked a) {
        return a.tag().purpose() == RequestTag.Purpose.JUDGE;
    }

    static String lastUser(Asked a) {
        List<Message> m = a.request().messages();
        return m.get(m.size() - 1).content();
    }
}
