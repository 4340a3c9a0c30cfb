package bad;

import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {784}, classes = 10)
public class BatchNormEpsilon {

    @Dense(units = 10) @BatchNorm(epsilon = -1e-4)
    Layer output;
}
