package org.binaryconnect.processor;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The BinaryConnect annotation processor: for each {@code @Network} class, validates the declaration and writes
 * its training class ({@code <Spec>Network}, ND4J) and its inference class
 * ({@code <Spec>Inference}, JDK only);
 * at the end, lists the training classes in {@code META-INF/binaryconnect/networks} so that the Maven plugin finds
 * them.
 */
public final class NetworkProcessor extends AbstractProcessor {

    static final String NETWORK_ANNOTATION = "org.binaryconnect.dsl.Network";

    private final List<String> generatedClasses = new ArrayList<>();
    private final List<Element> originatingElements = new ArrayList<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(NETWORK_ANNOTATION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            TypeElement network = processingEnv.getElementUtils().getTypeElement(NETWORK_ANNOTATION);
            if (network != null) {
                for (Element element : round.getElementsAnnotatedWith(network)) {
                    processNetwork((TypeElement) element);
                }
            }
            if (round.processingOver() && !generatedClasses.isEmpty()) {
                new NetworkIndexWriter(processingEnv.getFiler()).write(generatedClasses, originatingElements);
            }
        } catch (Throwable t) {
            // javac must never crash on a user's spec: report what went wrong as a compile error instead.
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "BinaryConnect processor failed unexpectedly; please report this with the declaration: " + trace);
        }
        return false;
    }

    private void processNetwork(TypeElement spec) throws IOException {
        NetworkDeclaration declaration = new NetworkDeclaration(processingEnv.getElementUtils(),
                processingEnv.getTypeUtils());
        Optional<NetworkModel> model = declaration.read(spec, processingEnv.getMessager());
        if (model.isEmpty()) {
            return;
        }
        new TrainingClassWriter(model.get()).write(spec).writeTo(processingEnv.getFiler());
        new InferenceClassWriter(model.get()).write(spec).writeTo(processingEnv.getFiler());
        generatedClasses.add(qualified(model.get().packageName(), model.get().trainingClassName()));
        originatingElements.add(spec);
    }

    private static String qualified(String packageName, String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }
}
