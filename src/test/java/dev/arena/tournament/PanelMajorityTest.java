package dev.arena.tournament;

import dev.arena.debate.Winner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.arena.debate.Winner.CON;
import static dev.arena.debate.Winner.PRO;
import static dev.arena.debate.Winner.TIE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PanelMajorityTest {

    private static Optional<Winner> result(Winner... votes) {
        return PanelMajority.of(List.of(votes));
    }

    @Test
    void twoOfThreeJudgesDecide() {
        assertEquals(Optional.of(PRO), result(PRO, CON, PRO));
        assertEquals(Optional.of(CON), result(CON, TIE, CON));
        assertEquals(Optional.of(TIE), result(TIE, PRO, TIE));
    }

    @Test
    void threeJudgesSplitThreeWaysAreATie() {
        assertEquals(Optional.of(TIE), result(PRO, CON, TIE));
    }

    @Test
    void oneJudgeDecidesAlone() {
        assertEquals(Optional.of(CON), result(CON));
        assertEquals(Optional.of(TIE), result(TIE));
    }

    @Test
    void twoJudgesDecideOnlyTogether() {
        assertEquals(Optional.of(TIE), result(PRO, CON));
        assertEquals(Optional.of(TIE), result(PRO, TIE));
        assertEquals(Optional.of(PRO), result(PRO, PRO));
    }

    @Test
    void aPluralityIsNotAMajority() {
        assertEquals(Optional.of(TIE), result(PRO, PRO, CON, TIE));
        assertEquals(Optional.of(PRO), result(PRO, PRO, PRO, CON, TIE));
    }

    @Test
    void noVerdictIsNoResultRatherThanATie() {
        assertEquals(Optional.empty(), result());
    }
}
