package org.binaryconnect.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PreprocessingParseTest {

    @Test
    void stepsInTheirOrderBuildThePipeline() {
        assertEquals(Preprocessing.defaults(), Preprocessing.parse("scale-1-1"));
        assertEquals(Preprocessing.defaults().withScaling(ByteScaling.ZERO_TO_ONE), Preprocessing.parse("scale-0-1"));
        assertEquals(new Preprocessing(ByteScaling.ZERO_TO_ONE, true, true, true),
                Preprocessing.parse(" Scale-0-1, gcn,center ,ZCA"));
        assertEquals(new Preprocessing(ByteScaling.MINUS_ONE_TO_ONE, false, true, false), Preprocessing.parse("center"));
        assertEquals(Preprocessing.authorsCifarTen(), Preprocessing.parse("authors-cifar10"));
        assertEquals(Preprocessing.authorsCifarTen(), Preprocessing.parse("scale-1-1,gcn,zca"));
    }

    @Test
    void aSecondScalingIsRefusedRatherThanSilentlyWinning() {
        assertEquals("preprocessing 'scale-0-1,scale-1-1' scales the bytes twice: keep one of scale-0-1 and"
                + " scale-1-1.", refusal("scale-0-1,scale-1-1"));
        assertEquals("preprocessing 'scale-1-1,scale-1-1' scales the bytes twice: keep one of scale-0-1 and"
                + " scale-1-1.", refusal("scale-1-1,scale-1-1"));
    }

    @Test
    void otherMistakesAreRefusedSayingWhatToWrite() {
        assertEquals("preprocessing 'gcn,gcn' names gcn twice.", refusal("gcn,gcn"));
        assertEquals("preprocessing 'zca,gcn' lists its steps out of the order in which they apply: write them in the"
                + " order scale-0-1, scale-1-1, gcn, center, zca.", refusal("zca,gcn"));
        assertEquals("preprocessing 'gcn,scale-0-1' lists its steps out of the order in which they apply: write them"
                + " in the order scale-0-1, scale-1-1, gcn, center, zca.", refusal("gcn,scale-0-1"));
        assertEquals("preprocessing expects steps among scale-0-1, scale-1-1, gcn, center, zca and authors-cifar10,"
                + " got 'whiten'.", refusal("gcn,whiten"));
        assertEquals("preprocessing expects steps among scale-0-1, scale-1-1, gcn, center, zca and authors-cifar10,"
                + " got '' (an empty step).", refusal("gcn,"));
        assertEquals("preprocessing authors-cifar10 stands for scale-1-1,gcn,zca and takes no other step: write"
                + " either authors-cifar10 alone or the steps, got 'scale-0-1,authors-cifar10'.",
                refusal("scale-0-1,authors-cifar10"));
    }

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Preprocessing.parse(text)).getMessage();
    }
}
