package bad;

import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {784}, classes = 10)
public class OutputWidth {

    @Dense(units = 32)
    Layer hidden;

    @Dense(units = 12)
    Layer output;
}
