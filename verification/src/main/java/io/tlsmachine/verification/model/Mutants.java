package io.tlsmachine.verification.model;

import io.tlsmachine.model.Epoch;
import io.tlsmachine.model.Guard;
import io.tlsmachine.model.Input;
import io.tlsmachine.model.Message;
import io.tlsmachine.model.ModelState;
import io.tlsmachine.model.Output;
import io.tlsmachine.model.Transition;
import io.tlsmachine.model.client.ClientState;
import io.tlsmachine.model.server.ServerState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Lists the deliberately broken definitions: each one is the real transition list with one edit that a real TLS
 * implementation bug would make (skipped message, early CCS, version confusion, missing guard...).
 */
public final class Mutants {

    private Mutants() {
    }

    /** Returns every mutant, in order: the written ones, then one dropped guard per guarded edge family. */
    public static List<Mutant> all() {
        List<Mutant> all = new ArrayList<>(written());
        all.addAll(guardDrops());
        return List.copyOf(all);
    }

    /** Returns the written mutants M1.., each a real implementation bug. */
    public static List<Mutant> written() {
        return List.of(
                new Mutant("M1", "drop a guard: the client's TLS 1.2 Certificate edge for RSA key transport becomes unguarded",
                        m -> m.withClient(l -> retarget(l, on(ClientState.TLS12_WAIT_CERT, Input.CERTIFICATE, Guard.RSA_KEY_TRANSPORT),
                                t -> copy(t, t.from(), t.input(), t.epoch(), Guard.ALWAYS, t.to(), t.outputs())))),
                new Mutant("M2", "TLS 1.3 client skips the server Certificate: EncryptedExtensions goes to WAIT_FINISHED without a PSK",
                        m -> m.withClient(l -> retarget(l, on(ClientState.WAIT_EE, Input.ENCRYPTED_EXTENSIONS, Guard.CERTIFICATE_AUTHENTICATION),
                                t -> withTarget(t, ClientState.WAIT_FINISHED)))),
                new Mutant("M3", "TLS 1.2 client accepts an early ChangeCipherSpec while waiting for ServerKeyExchange (CVE-2014-0224)",
                        m -> m.withClient(l -> addLike(l, on(ClientState.TLS12_WAIT_CCS, Input.CHANGE_CIPHER_SPEC, Guard.ALWAYS),
                                ClientState.TLS12_WAIT_SKE, Input.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT, ClientState.TLS12_WAIT_FINISHED))),
                new Mutant("M4", "TLS 1.3 client accepts a TLS 1.2 ServerKeyExchange in WAIT_CERT_CR",
                        m -> m.withClient(l -> addLike(l, on(ClientState.TLS12_WAIT_SKE, Input.SERVER_KEY_EXCHANGE, Guard.ALWAYS),
                                ClientState.WAIT_CERT_CR, Input.SERVER_KEY_EXCHANGE, Epoch.HANDSHAKE, ClientState.WAIT_CERT_CR))),
                new Mutant("M5", "client accepts a second HelloRetryRequest",
                        m -> m.withClient(l -> addLike(l, on(ClientState.WAIT_SH, Input.HELLO_RETRY_REQUEST, Guard.ALWAYS),
                                ClientState.WAIT_SH_RETRY, Input.HELLO_RETRY_REQUEST, Epoch.PLAINTEXT, ClientState.WAIT_SH_RETRY))),
                new Mutant("M6", "client accepts EncryptedExtensions in plaintext (wrong epoch)",
                        m -> m.withClient(l -> retarget(l, on(ClientState.WAIT_EE, Input.ENCRYPTED_EXTENSIONS, null),
                                t -> copy(t, t.from(), t.input(), Epoch.PLAINTEXT, t.guard(), t.to(), t.outputs())))),
                new Mutant("M7", "TLS 1.2 client skips ServerKeyExchange under (EC)DHE",
                        m -> m.withClient(l -> retarget(l, on(ClientState.TLS12_WAIT_CERT, Input.CERTIFICATE, Guard.EPHEMERAL_KEY_EXCHANGE),
                                t -> withTarget(t, ClientState.TLS12_WAIT_CR_OR_SHD)))),
                new Mutant("M8", "TLS 1.2 client accepts ServerKeyExchange under RSA key transport",
                        m -> m.withClient(l -> retarget(l, on(ClientState.TLS12_WAIT_CERT, Input.CERTIFICATE, Guard.RSA_KEY_TRANSPORT),
                                t -> withTarget(t, ClientState.TLS12_WAIT_SKE)))),
                new Mutant("M9", "TLS 1.2 server expects CertificateVerify after an empty client Certificate",
                        m -> m.withServer(l -> retarget(l, on(ServerState.TLS12_WAIT_CLIENT_CERT, Input.CERTIFICATE_EMPTY, null),
                                t -> withTarget(t, ServerState.TLS12_WAIT_CKE_AFTER_CERT)))),
                new Mutant("M10", "TLS 1.3 client becomes CONNECTED on CertificateVerify, without the server Finished",
                        m -> m.withClient(l -> retarget(l, on(ClientState.WAIT_CV, Input.CERTIFICATE_VERIFY, null),
                                t -> withTarget(t, ClientState.CONNECTED)))),
                new Mutant("M11", "TLS 1.3 client acts on a middlebox ChangeCipherSpec (moves on instead of dropping it)",
                        m -> m.withClient(l -> retarget(l, on(ClientState.WAIT_EE, Input.CHANGE_CIPHER_SPEC, null),
                                t -> withTarget(t, ClientState.WAIT_CERT_CR)))),
                new Mutant("M12", "TLS 1.3 server leaves Certificate out of its flight",
                        m -> m.withServer(l -> retarget(l, on(ServerState.NEGOTIATED, Input.SEND_SERVER_FLIGHT, null),
                                t -> withOutputs(t, t.outputs().stream().filter(o -> o.message() != Message.CERTIFICATE).toList())))),
                new Mutant("M13", "TLS 1.3 client accepts application data under handshake keys in WAIT_FINISHED",
                        m -> m.withClient(l -> addLike(l, on(ClientState.CONNECTED, Input.APPLICATION_DATA, null),
                                ClientState.WAIT_FINISHED, Input.APPLICATION_DATA, Epoch.HANDSHAKE, ClientState.WAIT_FINISHED))),
                new Mutant("M14", "TLS 1.2 server accepts the client Finished in place of ChangeCipherSpec",
                        m -> m.withServer(l -> addLike(l, on(ServerState.TLS12_WAIT_FINISHED, Input.FINISHED, Guard.TLS12_FULL),
                                ServerState.TLS12_WAIT_CCS, Input.FINISHED, Epoch.PLAINTEXT, ServerState.TLS12_CONNECTED))),
                new Mutant("M15", "TLS 1.2 client accepts NewSessionTicket after the server's ChangeCipherSpec",
                        m -> m.withClient(l -> addLike(l, on(ClientState.TLS12_WAIT_NST, Input.NEW_SESSION_TICKET, null),
                                ClientState.TLS12_WAIT_FINISHED, Input.NEW_SESSION_TICKET, Epoch.APPLICATION, ClientState.TLS12_WAIT_FINISHED))),
                new Mutant("M16", "TLS 1.3 client accepts KeyUpdate before the server Finished",
                        m -> m.withClient(l -> addLike(l, on(ClientState.CONNECTED, Input.KEY_UPDATE_NOT_REQUESTED, null),
                                ClientState.WAIT_FINISHED, Input.KEY_UPDATE_NOT_REQUESTED, Epoch.HANDSHAKE, ClientState.WAIT_FINISHED))),
                new Mutant("M17", "client ignores the downgrade sentinel and continues the TLS 1.2 handshake",
                        m -> m.withClient(l -> retarget(l, on(ClientState.WAIT_SH, Input.SERVER_HELLO, Guard.DOWNGRADE_DETECTED),
                                t -> copy(t, t.from(), t.input(), t.epoch(), t.guard(), ClientState.TLS12_WAIT_CERT, List.of())))),
                new Mutant("M18", "client answers a post-handshake CertificateRequest it did not offer to accept",
                        m -> m.withClient(l -> retarget(l, on(ClientState.CONNECTED, Input.CERTIFICATE_REQUEST, Guard.NO_POST_HANDSHAKE_AUTH),
                                t -> copy(t, t.from(), t.input(), t.epoch(), t.guard(), ClientState.CONNECTED,
                                        List.of(Output.send(Message.FINISHED, Epoch.APPLICATION)))))),
                new Mutant("M19", "server drops its EndOfEarlyData edge (0-RTT handshakes cannot complete)",
                        m -> m.withServer(l -> remove(l, on(ServerState.WAIT_EOED, Input.END_OF_EARLY_DATA, null)))),
                new Mutant("M20", "TLS 1.2 server sends ServerKeyExchange under RSA key transport",
                        m -> m.withServer(l -> retarget(l, (Transition<ServerState, ?> t) -> t.input() == Input.SELECT_PARAMETERS
                                        && t.outputs().stream().anyMatch(o -> o.message() == Message.SERVER_KEY_EXCHANGE),
                                t -> withOutputs(t, t.outputs().stream().map(o -> o.message() == Message.SERVER_KEY_EXCHANGE
                                        ? Output.send(o.message(), o.epoch()) : o).toList())))),
                new Mutant("M21", "TLS 1.2 server sends NewSessionTicket after its ChangeCipherSpec",
                        m -> m.withServer(l -> retarget(l, on(ServerState.TLS12_WAIT_FINISHED, Input.FINISHED, Guard.TLS12_FULL),
                                t -> withOutputs(t, moveToEnd(t.outputs(), Message.NEW_SESSION_TICKET))))),
                new Mutant("M22", "TLS 1.3 server accepts ChangeCipherSpec after the client Finished",
                        m -> m.withServer(l -> addLike(l, on(ServerState.WAIT_FINISHED, Input.CHANGE_CIPHER_SPEC, null),
                                ServerState.CONNECTED, Input.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT, ServerState.CONNECTED))),
                new Mutant("M23", "TLS 1.3 client sends EndOfEarlyData whenever it offered 0-RTT, even when the server rejected it",
                        m -> m.withClient(l -> retarget(l, on(ClientState.WAIT_FINISHED, Input.FINISHED, null),
                                t -> withOutputs(t, t.outputs().stream().map(o -> o.message() == Message.END_OF_EARLY_DATA
                                        ? Output.sendIf(o.message(), o.epoch(), Guard.EARLY_DATA_OFFERED) : o).toList())))),
                new Mutant("M24", "TLS 1.3 server ignores a fatal alert while waiting for the client CertificateVerify",
                        m -> m.withServer(l -> retarget(l, on(ServerState.WAIT_CV, Input.ALERT_FATAL, null),
                                t -> withTarget(t, ServerState.WAIT_CV)))),
                new Mutant("M25", "TLS 1.2 server accepts an early ChangeCipherSpec before ClientKeyExchange (CVE-2014-0224)",
                        m -> m.withServer(l -> addLike(l, on(ServerState.TLS12_WAIT_CCS, Input.CHANGE_CIPHER_SPEC, null),
                                ServerState.TLS12_WAIT_CKE, Input.CHANGE_CIPHER_SPEC, Epoch.PLAINTEXT, ServerState.TLS12_WAIT_FINISHED))),
                new Mutant("M26", "TLS 1.3 client skips the server CertificateVerify (SKIP-TLS): Certificate goes to WAIT_FINISHED",
                        m -> m.withClient(l -> retarget(l, on(ClientState.WAIT_CERT_CR, Input.CERTIFICATE, null),
                                t -> withTarget(t, ClientState.WAIT_FINISHED)))),
                new Mutant("M27", "TLS 1.2 server skips the client CertificateVerify after a non-empty client Certificate",
                        m -> m.withServer(l -> retarget(l, on(ServerState.TLS12_WAIT_CKE_AFTER_CERT, Input.CLIENT_KEY_EXCHANGE, null),
                                t -> withTarget(t, ServerState.TLS12_WAIT_CCS)))),
                new Mutant("M28", "TLS 1.2 client skips the server Finished (SKIP-TLS): ChangeCipherSpec connects",
                        m -> m.withClient(l -> retarget(l, on(ClientState.TLS12_WAIT_CCS, Input.CHANGE_CIPHER_SPEC, null),
                                t -> withTarget(t, ClientState.TLS12_CONNECTED)))),
                new Mutant("M29", "TLS 1.3 server skips the client Finished: CertificateVerify connects",
                        m -> m.withServer(l -> retarget(l, on(ServerState.WAIT_CV, Input.CERTIFICATE_VERIFY, null),
                                t -> withTarget(t, ServerState.CONNECTED)))),
                new Mutant("M30", "TLS 1.2 server accepts a second ClientHello mid-handshake (restarts while waiting for ClientKeyExchange)",
                        m -> m.withServer(l -> addLike(l, on(ServerState.START, Input.CLIENT_HELLO, null),
                                ServerState.TLS12_WAIT_CKE, Input.CLIENT_HELLO, Epoch.PLAINTEXT, ServerState.RECVD_CH))),
                new Mutant("M31", "TLS 1.3 server accepts a second plaintext ClientHello after its flight (in WAIT_FLIGHT2)",
                        m -> m.withServer(l -> addLike(l, on(ServerState.START, Input.CLIENT_HELLO, null),
                                ServerState.WAIT_FLIGHT2, Input.CLIENT_HELLO, Epoch.PLAINTEXT, ServerState.RECVD_CH))),
                new Mutant("M32", "TLS 1.3 server accepts the client Finished in plaintext after the handshake keys are in use",
                        m -> m.withServer(l -> addLike(l, on(ServerState.WAIT_FINISHED, Input.FINISHED, null),
                                ServerState.WAIT_FINISHED, Input.FINISHED, Epoch.PLAINTEXT, ServerState.CONNECTED))),
                new Mutant("M33", "TLS 1.3 server sends a second HelloRetryRequest for the retried ClientHello",
                        m -> m.withServer(l -> addLike(l, on(ServerState.RECVD_CH, Input.SELECT_HELLO_RETRY, null),
                                ServerState.RECVD_CH_RETRY, Input.SELECT_HELLO_RETRY, Epoch.LOCAL, ServerState.WAIT_CH_RETRY))),
                new Mutant("M34", "TLS 1.3 client accepts a TLS 1.2 ServerHelloDone in WAIT_FINISHED and connects (version hop)",
                        m -> m.withClient(l -> addLike(l, on(ClientState.WAIT_FINISHED, Input.FINISHED, null),
                                ClientState.WAIT_FINISHED, Input.SERVER_HELLO_DONE, Epoch.HANDSHAKE, ClientState.CONNECTED))));
    }

    /**
     * Returns one generated mutant per guarded edge family (role, guard): the first transition carrying that guard
     * becomes unguarded ({@code always}). Each must be caught (P16 at least, as its sibling edges now overlap).
     */
    public static List<Mutant> guardDrops() {
        List<Mutant> result = new ArrayList<>();
        Machines real = Machines.real();
        java.util.Set<Guard> seen = java.util.EnumSet.noneOf(Guard.class);
        for (Transition<ClientState, ?> t : real.client().transitions()) {
            if (t.guard() != Guard.ALWAYS && seen.add(t.guard())) {
                Guard g = t.guard();
                ClientState from = t.from();
                Input input = t.input();
                result.add(new Mutant("G-C-" + g.label(), "drop guard " + g.label() + " of the client's "
                        + from.name() + " --" + input.name() + "--> edge",
                        m -> m.withClient(l -> retarget(l, first(l, on(from, input, g)),
                                e -> copy(e, e.from(), e.input(), e.epoch(), Guard.ALWAYS, e.to(), e.outputs())))));
            }
        }
        seen.clear();
        for (Transition<ServerState, ?> t : real.server().transitions()) {
            if (t.guard() != Guard.ALWAYS && seen.add(t.guard())) {
                Guard g = t.guard();
                ServerState from = t.from();
                Input input = t.input();
                result.add(new Mutant("G-S-" + g.label(), "drop guard " + g.label() + " of the server's "
                        + from.name() + " --" + input.name() + "--> edge",
                        m -> m.withServer(l -> retarget(l, first(l, on(from, input, g)),
                                e -> copy(e, e.from(), e.input(), e.epoch(), Guard.ALWAYS, e.to(), e.outputs())))));
            }
        }
        return result;
    }

    /** Narrows {@code which} to the first matching transition of {@code list}. */
    private static <S extends Enum<S> & ModelState, P> Predicate<Transition<S, ?>> first(List<Transition<S, P>> list,
            Predicate<Transition<S, ?>> which) {
        Transition<S, P> target = list.stream().filter(which::test).findFirst()
                .orElseThrow(() -> new IllegalStateException("mutant template transition not found"));
        return t -> t == target;
    }

    /** Matches the transition (from, input, guard); a null guard matches any guard. */
    private static <S extends Enum<S> & ModelState> Predicate<Transition<S, ?>> on(S from, Input input, Guard guard) {
        return t -> t.from() == from && t.input() == input && (guard == null || t.guard() == guard);
    }

    private static <S extends Enum<S> & ModelState, P> List<Transition<S, P>> retarget(List<Transition<S, P>> list,
            Predicate<Transition<S, ?>> which, UnaryOperator<Transition<S, P>> edit) {
        List<Transition<S, P>> result = new ArrayList<>();
        int edited = 0;
        for (Transition<S, P> t : list) {
            if (which.test(t)) {
                result.add(edit.apply(t));
                edited++;
            } else {
                result.add(t);
            }
        }
        requireEdited(edited);
        return result;
    }

    private static <S extends Enum<S> & ModelState, P> List<Transition<S, P>> remove(List<Transition<S, P>> list,
            Predicate<Transition<S, ?>> which) {
        List<Transition<S, P>> result = list.stream().filter(t -> !which.test(t)).toList();
        requireEdited(list.size() - result.size());
        return result;
    }

    /** Adds a transition that runs the same step as the first transition matching {@code like}. */
    private static <S extends Enum<S> & ModelState, P> List<Transition<S, P>> addLike(List<Transition<S, P>> list,
            Predicate<Transition<S, ?>> like, S from, Input input, Epoch epoch, S to) {
        Transition<S, P> model = list.stream().filter(like::test).findFirst()
                .orElseThrow(() -> new IllegalStateException("mutant template transition not found"));
        List<Transition<S, P>> result = new ArrayList<>(list);
        result.add(new Transition<>(from, input, epoch, Guard.ALWAYS, to, model.step(), model.outputs(), "mutant"));
        return result;
    }

    private static <S extends Enum<S> & ModelState, P> Transition<S, P> copy(Transition<S, P> t, S from, Input input,
            Epoch epoch, Guard guard, S to, List<Output> outputs) {
        return new Transition<>(from, input, epoch, guard, to, t.step(), outputs, "mutant of " + t.rfc());
    }

    private static <S extends Enum<S> & ModelState, P> Transition<S, P> withTarget(Transition<S, P> t, S to) {
        return copy(t, t.from(), t.input(), t.epoch(), t.guard(), to, t.outputs());
    }

    private static <S extends Enum<S> & ModelState, P> Transition<S, P> withOutputs(Transition<S, P> t, List<Output> outputs) {
        return copy(t, t.from(), t.input(), t.epoch(), t.guard(), t.to(), outputs);
    }

    private static List<Output> moveToEnd(List<Output> outputs, Message message) {
        List<Output> result = new ArrayList<>(outputs.stream().filter(o -> o.message() != message).toList());
        outputs.stream().filter(o -> o.message() == message).forEach(result::add);
        return result;
    }

    private static void requireEdited(int edited) {
        if (edited == 0) {
            throw new IllegalStateException("mutant edits no transition: the model changed, update the mutant");
        }
    }
}
