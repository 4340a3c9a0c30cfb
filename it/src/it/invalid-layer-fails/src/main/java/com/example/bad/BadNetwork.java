package com.example.bad;

import org.binaryconnect.dsl.BatchNorm;
import org.binaryconnect.dsl.Dense;
import org.binaryconnect.dsl.Layer;
import org.binaryconnect.dsl.Network;

@Network(input = {28, 28, 1}, classes = 10)
public class BadNetwork {

    @Dense(units = 16) @BatchNorm Layer hidden;

    // verify.groovy expects the error at the next line, line 14
    @Dense(units = 0)
    Layer empty;

    @Dense(units = 10) @BatchNorm Layer output;
}
