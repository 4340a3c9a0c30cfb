package bad;

import org.binaryconnect.dsl.Binarization;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.EvaluationWeights;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {784}, classes = 10, binarization = Binarization.NONE, evaluation = EvaluationWeights.BINARY)
public class BinaryEvaluationWithoutBinaryLayers {

    @Dense(units = 10)
    Layer output;
}
