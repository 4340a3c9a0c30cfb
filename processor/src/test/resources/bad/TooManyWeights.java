package bad;

import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {100000}, classes = 10)
public class TooManyWeights {

    @Dense(units = 100000)
    Layer hidden;

    @Dense(units = 10)
    Layer output;
}
