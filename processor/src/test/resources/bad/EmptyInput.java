package bad;

import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {}, classes = 10)
public class EmptyInput {

    @Dense(units = 10)
    Layer output;
}
