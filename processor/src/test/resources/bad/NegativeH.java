package bad;

import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {784}, classes = 10, h = "-1")
public class NegativeH {

    @Dense(units = 10)
    Layer output;
}
