package dev.arena.repl;

import dev.arena.openrouter.ChatRequest;
import dev.arena.openrouter.Message;
import dev.arena.openrouter.Usage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One interactive conversation: its settings (model, fallbacks, system prompt, sampling),
 * the messages so far, and what they cost. Knows nothing of terminals or files.
 */
public final class ChatSession {

    /**
     * One message of the conversation. {@code model} is the model that wrote an assistant
     * message (null for the user's); {@code cut} marks an answer that was stopped part-way
     * (Ctrl-C, or every model failed), whose text is what arrived.
     */
    public record Entry(String role, String content, String model, boolean cut) {

        public Entry {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }

        public static Entry user(String content) {
            return new Entry("user", content, null, false);
        }

        public static Entry assistant(String content, String model, boolean cut) {
            return new Entry("assistant", content, model, cut);
        }

        public boolean isUser() {
            return "user".equals(role);
        }
    }

    private String model;
    private List<String> fallbacks = List.of();
    private String system;
    private Double temperature;
    private Integer maxTokens;
    private Long seed;
    private final List<Entry> entries = new ArrayList<>();
    /** The answers since the history last started (/clear, /load): what /save and the store keep with it. */
    private UsageTotals conversation = UsageTotals.NONE;
    /**
     * The bill: every answer of this session, which /clear does not forget; it starts with what
     * the conversation it went on from had cost, and each /load adds what the loaded one had.
     */
    private UsageTotals session = UsageTotals.NONE;

    public ChatSession(String model) {
        setModel(model);
    }

    // ---- settings ----

    public String model() {
        return model;
    }

    public void setModel(String model) {
        if (model == null || model.isBlank() || model.strip().chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a model id is one word, e.g. openai/gpt-4o-mini");
        }
        this.model = model.strip();
    }

    public List<String> fallbacks() {
        return fallbacks;
    }

    public void setFallbacks(List<String> fallbacks) {
        this.fallbacks = fallbacks.stream().map(String::strip).filter(m -> !m.isEmpty()).distinct().toList();
    }

    public String system() {
        return system;
    }

    /** A blank text removes the system prompt. */
    public void setSystem(String system) {
        this.system = system == null || system.isBlank() ? null : system.strip();
    }

    public Double temperature() {
        return temperature;
    }

    /** Null goes back to the server's default. */
    public void setTemperature(Double temperature) {
        // Written so that NaN, which fails every comparison, is rejected too.
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("the temperature must be between 0 and 2");
        }
        this.temperature = temperature;
    }

    public Integer maxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public Long seed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    /** {@code first} (the model unless a retry names another), then the fallbacks, each once. */
    public List<String> chain(String first) {
        LinkedHashSet<String> chain = new LinkedHashSet<>();
        chain.add(first);
        chain.addAll(fallbacks);
        return List.copyOf(chain);
    }

    // ---- the conversation ----

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public void add(Entry entry) {
        entries.add(entry);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Forgets the messages and the conversation's cost; keeps the settings and the session's bill. */
    public void clear() {
        entries.clear();
        conversation = UsageTotals.NONE;
    }

    /** Drops the last answer, if the conversation ends with one; true when it did. */
    public boolean dropLastAnswer() {
        if (!entries.isEmpty() && !entries.get(entries.size() - 1).isUser()) {
            entries.remove(entries.size() - 1);
            return true;
        }
        return false;
    }

    /** True when the conversation ends with a message from the user that awaits an answer. */
    public boolean awaitsAnswer() {
        return !entries.isEmpty() && entries.get(entries.size() - 1).isUser();
    }

    /** The request for the next answer: the system prompt first, then every message in order. */
    public ChatRequest request(String requestModel) {
        List<Message> messages = new ArrayList<>();
        if (system != null) {
            messages.add(Message.system(system));
        }
        for (Entry e : entries) {
            messages.add(new Message(e.role(), e.content()));
        }
        return new ChatRequest(requestModel, messages, temperature, maxTokens, seed);
    }

    // ---- what it cost ----

    public void addUsage(Usage usage) {
        conversation = conversation.plus(usage);
        session = session.plus(usage);
    }

    /**
     * Restores the totals of a conversation being read from a saved session or the store (into
     * a new ChatSession): they are the conversation's, and the bill starts with them.
     */
    void restoreUsage(int answers, long promptTokens, long completionTokens, Double cost) {
        conversation = new UsageTotals(answers, promptTokens, completionTokens, cost);
        session = session.plus(conversation);
    }

    /** The conversation's answers: those since the history last started. */
    public int answers() {
        return conversation.answers();
    }

    public long promptTokens() {
        return conversation.promptTokens();
    }

    public long completionTokens() {
        return conversation.completionTokens();
    }

    /** The conversation's cost in USD, or null when no server reported one. */
    public Double cost() {
        return conversation.cost();
    }

    /** The session's bill: every answer since it started, with what /load and a resumed conversation brought. */
    UsageTotals sessionUsage() {
        return session;
    }

    UsageTotals conversationUsage() {
        return conversation;
    }

    /**
     * Takes over {@code other}'s settings, messages and totals (for /load): the conversation is
     * {@code other}'s, and what it had cost is added to this session's bill, not put in its place.
     */
    public void replaceWith(ChatSession other) {
        model = other.model;
        fallbacks = other.fallbacks;
        system = other.system;
        temperature = other.temperature;
        maxTokens = other.maxTokens;
        seed = other.seed;
        entries.clear();
        entries.addAll(other.entries);
        conversation = other.conversation;
        session = session.plus(other.conversation);
    }
}
