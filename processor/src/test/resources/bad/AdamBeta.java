package bad;

import org.binaryconnect.dsl.Adam;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {784}, classes = 10)
@Adam(beta1 = 1.0)
public class AdamBeta {

    @Dense(units = 10)
    Layer output;
}
