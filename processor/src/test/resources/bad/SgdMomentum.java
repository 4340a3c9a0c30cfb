package bad;

import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Sgd;

@Network(input = {784}, classes = 10)
@Sgd(momentum = -0.5)
public class SgdMomentum {

    @Dense(units = 10)
    Layer output;
}
