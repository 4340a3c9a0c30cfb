package bad;

import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Dropout;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {784}, classes = 10)
public class DropoutOfOne {

    @Dense(units = 32) @Dropout(1.0)
    Layer hidden;

    @Dense(units = 10)
    Layer output;
}
