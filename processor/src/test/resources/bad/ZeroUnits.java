package bad;

import org.binaryconnect.dsl.Activation;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Nonlinearity;

@Network(input = {784}, classes = 10)
public class ZeroUnits {

    @Dense(units = 0) @Activation(Nonlinearity.RELU)
    Layer hidden;

    @Dense(units = 10)
    Layer output;
}
