package bad;

import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {784}, classes = 10)
public class BatchNormAlpha {

    @Dense(units = 10) @BatchNorm(alpha = 0)
    Layer output;
}
