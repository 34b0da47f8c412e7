package dev.arena.tournament;

/**
 * One debate of a {@link Group}, and its key: leg 1 has the group's first model as Pro, leg 2
 * the second, so each model argues each side of the motion against this opponent once.
 */
public record Leg(Group group, int number) {

    public Leg {
        if (number != 1 && number != 2) {
            throw new IllegalArgumentException("a group has legs 1 and 2, not " + number);
        }
    }

    public String pro() {
        return number == 1 ? group.first() : group.second();
    }

    public String con() {
        return number == 1 ? group.second() : group.first();
    }

    public int motion() {
        return group.motion();
    }
}
