import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs a local Neo4j 5.26 Community DBMS with a Bolt connector on loopback.
 *
 * newsgraph has no Docker engine on its development and CI machines, so this
 * starts the official jars in-process (the "embedded" API) and exposes Bolt,
 * which is exactly what the Go driver talks to. Settings come from the
 * environment (see scripts/neo4j); the JVM stops the DBMS cleanly on SIGTERM.
 */
public final class LocalNeo4j {
    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static String rootMessage(Throwable t) {
        String msg = t.getMessage();
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                msg = c.getMessage();
            }
        }
        return msg;
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable t) {
            // Exit instead of leaving a half-started DBMS's threads running.
            System.err.println("LocalNeo4j: " + rootMessage(t));
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Path home = Path.of(env("NEO4J_HOME_DIR", ".cache/neo4j/data")).toAbsolutePath();
        String host = env("NEO4J_BOLT_HOST", "127.0.0.1");
        String port = env("NEO4J_BOLT_PORT", "7687");
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("LocalNeo4j: NEO4J_PASSWORD must be set (at least 8 characters)");
            System.exit(2);
        }
        Files.createDirectories(home);

        Map<String, String> raw = new HashMap<>();
        raw.put("server.bolt.enabled", "true");
        raw.put("server.bolt.listen_address", host + ":" + port);
        raw.put("server.bolt.advertised_address", host + ":" + port);
        raw.put("server.bolt.tls_level", "DISABLED");
        raw.put("dbms.security.auth_enabled", "true");
        raw.put("server.memory.pagecache.size", env("NEO4J_PAGECACHE", "1g"));
        raw.put("db.transaction.timeout", env("NEO4J_TX_TIMEOUT", "60s"));
        raw.put("db.memory.transaction.max", env("NEO4J_TX_MEMORY_MAX", "1g"));
        raw.put("db.memory.transaction.total.max", env("NEO4J_TX_MEMORY_TOTAL", "4g"));
        raw.put("dbms.usage_report.enabled", "false");
        // Bolt waits 5 s per pool at shutdown by default; a local DBMS need not.
        raw.put("internal.server.bolt.thread_pool_shutdown_wait_time", "1s");
        raw.put("internal.server.bolt.connection_shutdown_wait_time", "1s");
        raw.put("server.directories.logs", home.resolve("logs").toString());

        // The embedded builder takes raw settings only from a file: write one.
        StringBuilder conf = new StringBuilder("# written by LocalNeo4j at every start\n");
        raw.forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
        Path confFile = home.resolve("neo4j.conf");
        Files.writeString(confFile, conf.toString());

        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(confFile)
                .build();

        // The built-in user starts with the default password and must change it;
        // set ours so that Bolt clients authenticate with NEO4J_PASSWORD.
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            // A restart on the same data finds the password already set.
            if (!String.valueOf(rootMessage(e)).contains("cannot be the same")) {
                System.err.println("LocalNeo4j: cannot set the password: " + rootMessage(e));
                dbms.shutdown();
                System.exit(1);
            }
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("LocalNeo4j: shutting down");
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        System.out.printf("LocalNeo4j: Neo4j ready on bolt://%s:%s in %d ms (data %s)%n",
                host, port, (System.nanoTime() - started) / 1_000_000, home);
        stopped.await();
    }
}
