package bad;

import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {28, -28}, classes = 10)
public class NegativeInput {

    @Dense(units = 10)
    Layer output;
}
