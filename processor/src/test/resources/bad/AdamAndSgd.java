package bad;

import org.binaryconnect.dsl.Adam;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Sgd;

@Network(input = {784}, classes = 10)
@Adam
@Sgd(momentum = 0.9)
public class AdamAndSgd {

    @Dense(units = 10)
    Layer output;
}
