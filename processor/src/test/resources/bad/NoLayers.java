package bad;

import org.binaryconnect.dsl.Network;

@Network(input = {784}, classes = 10)
public class NoLayers {

    int notALayer;
}
