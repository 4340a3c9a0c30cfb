package bad;

import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {784}, classes = NUMBER_OF_CLASSES)
public class UnresolvedConstant {

    @Dense(units = 10)
    Layer output;
}
