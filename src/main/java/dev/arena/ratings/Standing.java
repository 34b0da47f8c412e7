package dev.arena.ratings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A model's record, counted per side: the win rates as Pro and as Con show a side bias, in the
 * model or in the judges.
 */
public record Standing(int proWins, int proLosses, int proTies, int conWins, int conLosses, int conTies) {

    private static final Standing NONE = new Standing(0, 0, 0, 0, 0, 0);

    public int wins() {
        return proWins + conWins;
    }

    public int losses() {
        return proLosses + conLosses;
    }

    public int ties() {
        return proTies + conTies;
    }

    public int debates() {
        return proDebates() + conDebates();
    }

    public int proDebates() {
        return proWins + proLosses + proTies;
    }

    public int conDebates() {
        return conWins + conLosses + conTies;
    }

    /** Wins as Pro over debates as Pro; empty when the model never argued Pro. */
    public OptionalDouble proWinRate() {
        return rate(proWins, proDebates());
    }

    /** Wins as Con over debates as Con; empty when the model never argued Con. */
    public OptionalDouble conWinRate() {
        return rate(conWins, conDebates());
    }

    private static OptionalDouble rate(int wins, int debates) {
        return debates == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) wins / debates);
    }

    /** Every model's standing in these games. */
    static Map<String, Standing> of(List<Game> games) {
        Map<String, Standing> standings = new HashMap<>();
        for (Game game : games) {
            standings.put(game.pro(), standings.getOrDefault(game.pro(), NONE).asPro(game.outcome()));
            standings.put(game.con(), standings.getOrDefault(game.con(), NONE).asCon(game.outcome()));
        }
        return standings;
    }

    private Standing asPro(Outcome outcome) {
        return switch (outcome) {
            case PRO_WON -> new Standing(proWins + 1, proLosses, proTies, conWins, conLosses, conTies);
            case CON_WON -> new Standing(proWins, proLosses + 1, proTies, conWins, conLosses, conTies);
            case TIE -> new Standing(proWins, proLosses, proTies + 1, conWins, conLosses, conTies);
        };
    }

    private Standing asCon(Outcome outcome) {
        return switch (outcome) {
            case CON_WON -> new Standing(proWins, proLosses, proTies, conWins + 1, conLosses, conTies);
            case PRO_WON -> new Standing(proWins, proLosses, proTies, conWins, conLosses + 1, conTies);
            case TIE -> new Standing(proWins, proLosses, proTies, conWins, conLosses, conTies + 1);
        };
    }
}
