package io.ringway.storage.audit;

import static java.util.Objects.requireNonNull;

import io.ringway.storage.audit.watcher.AuditType;
import io.ringway.storage.node.NodeSweeps;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The node's auditors, each on a thread of its own (their passes block: file reads, database
 * reads, rate-limit waits, waits on watchers), as Swift runs each auditor as a process of its own.
 * {@link #sweeps} schedules them with the node's other background passes; the passes can also
 * be run on demand ({@link #objectPass}, {@link #containerPass}, {@link #accountPass}), one at a
 * time per auditor either way. Closing stops a running pass (its watchers' child is killed).
 */
public final class NodeAuditors implements AutoCloseable {

    private final ObjectAuditor objects;
    private final DatabaseAuditor containers;
    private final DatabaseAuditor accounts;
    private final List<ExecutorService> threads = new ArrayList<>();
    private final Scheduler all;
    private final Scheduler zeroByte;
    private final Scheduler containerThread;
    private final Scheduler accountThread;

    public NodeAuditors(ObjectAuditor objects, DatabaseAuditor containers, DatabaseAuditor accounts) {
        this.objects = requireNonNull(objects, "objects");
        this.containers = requireNonNull(containers, "containers");
        this.accounts = requireNonNull(accounts, "accounts");
        this.all = thread("object-auditor-all");
        this.zeroByte = thread("object-auditor-zbf");
        this.containerThread = thread("container-auditor");
        this.accountThread = thread("account-auditor");
    }

    /** One object pass: {@link AuditType#ALL} or {@link AuditType#ZBF}. */
    public Mono<ObjectAuditStats> objectPass(AuditType type) {
        return on(type == AuditType.ZBF ? zeroByte : all, () -> objects.pass(type));
    }

    public Mono<DatabaseAuditStats> containerPass() {
        return on(containerThread, containers::pass);
    }

    public Mono<DatabaseAuditStats> accountPass() {
        return on(accountThread, accounts::pass);
    }

    /** The passes to run every interval, unless auditing is disabled. */
    public List<NodeSweeps.Sweep> sweeps(AuditorProperties properties) {
        if (!properties.enabled()) {
            return List.of();
        }
        return List.of(
                new NodeSweeps.Sweep("object-auditor", properties.objectInterval(), () -> objectPass(AuditType.ALL)),
                new NodeSweeps.Sweep("object-auditor-zbf", properties.zeroByteInterval(),
                        () -> objectPass(AuditType.ZBF)),
                new NodeSweeps.Sweep("container-auditor", properties.containerInterval(), this::containerPass),
                new NodeSweeps.Sweep("account-auditor", properties.accountInterval(), this::accountPass));
    }

    @Override
    public void close() {
        threads.forEach(ExecutorService::shutdownNow);
    }

    private static <T> Mono<T> on(Scheduler thread, Callable<T> pass) {
        return Mono.fromCallable(pass).subscribeOn(thread);
    }

    /** A plain (blocking-allowed) daemon thread, not one of Reactor's non-blocking ones. */
    private Scheduler thread(String name) {
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        threads.add(executor);
        return Schedulers.fromExecutorService(executor, name);
    }
}
