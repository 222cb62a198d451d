package io.tlsmachine.model;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Builds a recording fake of a steps port: it logs each method called and returns the facts it was given. */
final class RecordingSteps<P> {

    final List<String> calls = new ArrayList<>();
    final P port;
    private RuntimeException failure;
    private UnaryOperator<Negotiated> factsUpdate = UnaryOperator.identity();

    RecordingSteps(Class<P> type) {
        port = type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "RecordingSteps" : method.invoke(this, args);
            }
            calls.add(method.getName());
            if (failure != null) {
                throw failure;
            }
            return factsUpdate.apply((Negotiated) args[0]);
        }));
    }

    /** Makes every step throw {@code e}. */
    RecordingSteps<P> failingWith(RuntimeException e) {
        this.failure = e;
        return this;
    }

    /** Makes every step return {@code update} applied to its facts. */
    RecordingSteps<P> updatingFacts(UnaryOperator<Negotiated> update) {
        this.factsUpdate = update;
        return this;
    }

    /** Converts a step constant name ({@code PROCESS_SERVER_HELLO}) to its port method name ({@code processServerHello}). */
    static String methodName(Step<?> step) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : step.name().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
