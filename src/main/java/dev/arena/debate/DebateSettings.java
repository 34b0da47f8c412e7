package dev.arena.debate;

import java.util.List;

/**
 * Everything that defines a debate before it starts. {@code temperature}, {@code maxTokens}
 * and {@code seed} apply to every turn; {@code judgeModels} is empty when no judge was asked.
 */
public record DebateSettings(String topic, int rounds, Fighter pro, Fighter con,
                             Double temperature, Integer maxTokens, Long seed, List<String> judgeModels) {

    public DebateSettings {
        judgeModels = List.copyOf(judgeModels);
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a debate needs a topic");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("a debate needs at least one round");
        }
    }

    public Fighter fighter(Side side) {
        return side == Side.PRO ? pro : con;
    }

    public boolean judged() {
        return !judgeModels.isEmpty();
    }
}
