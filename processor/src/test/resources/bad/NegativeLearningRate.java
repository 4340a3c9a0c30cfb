package bad;

import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Training;

@Network(input = {784}, classes = 10)
@Training(learningRateEnd = -3e-6)
public class NegativeLearningRate {

    @Dense(units = 10)
    Layer output;
}
