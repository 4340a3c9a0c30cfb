package org.binaryconnect.runtime.export;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The generated {@code <Spec>Inference} class of a network, reached by reflection: the runtime cannot name a class
 * generated into the user's project. It is loaded from the network's own class loader (the export JVM's classpath,
 * the project's classes) and fed the packed bytes directly, never the resource on the classpath, which is the stale
 * copy of an earlier export, or none.
 */
final class InferenceClass {

    /** The packed model as the generated class reads it, on preprocessed features. */
    interface ShippedModel {
        int predict(float[] features);

        /** The last layer's outputs, one per class: to tell a tie from a difference. */
        float[] scores(float[] features);
    }

    private InferenceClass() {
    }

    /** {@code com.example.FashionMlp} -> {@code com.example.FashionMlpInference}, as the processor names it. */
    static String nameFor(String specClass) {
        return specClass + "Inference";
    }

    /**
     * Reads {@code packed} through {@code <specClass>Inference.load(InputStream)}.
     *
     * @throws ExportException when the class is missing or refuses the bytes
     */
    static ShippedModel load(String specClass, ClassLoader loader, byte[] packed) {
        String name = nameFor(specClass);
        Class<?> type;
        try {
            type = Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new ExportException("The generated inference class " + name + " is not on the export's classpath,"
                    + " so the packed model cannot be checked: compile the project (mvn compile) with the"
                    + " BinaryConnect processor, which generates it next to the network.");
        }
        Method predict;
        Method scores;
        Object instance;
        try {
            Method load = type.getMethod("load", InputStream.class);
            predict = type.getMethod("predict", float[].class);
            scores = type.getMethod("scores", float[].class);
            instance = load.invoke(null, new ByteArrayInputStream(packed));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new ExportException(name + " has no public load(InputStream), predict(float[]) and scores(float[]):"
                    + " regenerate it with this version of the BinaryConnect processor (mvn clean compile).");
        } catch (InvocationTargetException e) {
            throw new ExportException(name + " refuses the packed model just made (" + e.getCause() + "): regenerate"
                    + " it with this version of the BinaryConnect processor (mvn clean compile) and export again.");
        }
        return new ShippedModel() {
            @Override
            public int predict(float[] features) {
                return (Integer) call(predict, instance, features);
            }

            @Override
            public float[] scores(float[] features) {
                return (float[]) call(scores, instance, features);
            }
        };
    }

    private static Object call(Method method, Object instance, float[] features) {
        try {
            return method.invoke(instance, (Object) features);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method + " failed", e.getCause());
        }
    }
}
