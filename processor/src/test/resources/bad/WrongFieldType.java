package bad;

import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Network;

@Network(input = {784}, classes = 10)
public class WrongFieldType {

    @Dense(units = 10)
    Object output;
}
