package bad;

import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;
import org.binaryconnect.dsl.Training;

@Network(input = {784}, classes = 10)
@Training(batchSize = 0)
public class ZeroBatchSize {

    @Dense(units = 10)
    Layer output;
}
