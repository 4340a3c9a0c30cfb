package org.binaryconnect.processor;

/** Batch norm settings of one layer. */
record BatchNormModel(double alpha, double epsilon) {
}
