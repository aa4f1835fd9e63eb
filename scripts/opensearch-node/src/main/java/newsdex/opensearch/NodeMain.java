/*
 * One OpenSearch 2.19 node in this JVM, built from Maven Central jars instead of a
 * distribution tarball: the server jar plus the modules that a tarball would load from
 * modules/ (HTTP and transport over Netty, the common analyzers, Painless), registered here
 * as classpath plugins.
 *
 * Usage: java -cp 'target/classes:target/lib/*' newsdex.opensearch.NodeMain HOME
 *
 * All settings come from HOME/config/opensearch.yml, written by scripts/opensearch-cluster;
 * path.home is HOME. The node runs until the JVM gets SIGTERM/SIGINT, when a shutdown
 * hook closes it cleanly; SIGKILL just drops it, as a crashed node would be.
 *
 * What the distribution's Bootstrap does and this does not: no security manager, no
 * bootstrap checks (heap size, mmap count, file descriptors), no native memory locking.
 * None of them changes how indexing or search behave; they guard production machines.
 */
package newsdex.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

public final class NodeMain {

    /** The modules a tarball would load; the pom pins their jars to the server's version. */
    static final List<Class<? extends Plugin>> MODULES =
        List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class);

    /** Node's constructor that takes classpath plugins is protected; this opens it. */
    static final class ClasspathNode extends Node {
        ClasspathNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            // false: allow private index settings, as a real node does (true is for tests).
            super(environment, plugins, false);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: NodeMain HOME   (settings in HOME/config/opensearch.yml)");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path config = home.resolve("config");
        if (!Files.isRegularFile(config.resolve("opensearch.yml"))) {
            System.err.println("NodeMain: " + config.resolve("opensearch.yml") + " does not exist");
            System.exit(2);
        }

        // prepareEnvironment reads config/opensearch.yml and fills in path.data/path.logs
        // defaults under HOME, exactly as the distribution's launcher does.
        Settings base = Settings.builder().put("path.home", home.toString()).build();
        Environment environment =
            InternalSettingsPreparer.prepareEnvironment(base, Map.of(), config, () -> "node");

        Node node = new ClasspathNode(environment, MODULES);
        // The node's own threads are daemons (as in the distribution, whose Bootstrap keeps
        // a thread waiting on a latch): main waits on this one until the shutdown hook.
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "newsdex-node-shutdown"));
        try {
            node.start();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        stopped.await();
    }
}
