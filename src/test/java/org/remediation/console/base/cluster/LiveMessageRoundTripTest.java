package org.remediation.console.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.LiveUpdate;

/**
 * Every live update and cluster event of the application (found on the classpath, so a new one is covered
 * without being listed here) crosses from one node's {@link LiveBridge} to another's and arrives equal.
 * Samples are built from the record's components; a component type no sample can be built for (an
 * interface, an array) fails the test: such a type cannot be read back by its declared type either.
 */
class LiveMessageRoundTripTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:30:15.123456Z");

    @Test
    void everyLiveUpdateAndClusterEventArrivesEqualOnAnotherNode() throws Exception {
        List<Class<?>> types = messageTypes();
        assertThat(types).as("the scan finds the application's messages")
                .extracting(Class::getSimpleName).contains("AccessRevoked", "CriterionStateChanged", "ActionChanged");
        ClusterMessages a = new ClusterMessages("node-a");
        ClusterMessages b = new ClusterMessages("node-b");
        for (Class<?> type : types) {
            Object sample = sample(type, type.getName());
            String message = a.bridge.envelope(sample);
            assertThat(message).as(type.getName()).isNotNull();
            b.published.clear();
            b.boards.clear();
            b.bridge.received(message);
            Object arrived = b.published.isEmpty() ? null : b.published.getFirst() instanceof RemoteUpdate r ? r.update()
                    : b.published.getFirst();
            assertThat(arrived).as("%s read back on the other node from %s", type.getName(), message).isEqualTo(sample);
        }
    }

    static List<Class<?>> messageTypes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.remediation.console").stream()
                .filter(c -> !c.isInterface() && (c.isAssignableTo(LiveUpdate.class) || c.isAssignableTo(ClusterEvent.class)))
                .map(JavaClass::reflect).<Class<?>>map(c -> c).toList();
    }

    /** A value for each component: texts named after it, the last enum constant, one element per collection. */
    private static Object sample(Type type, String where) throws Exception {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return where.substring(where.lastIndexOf('.') + 1) + "-1";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == int.class || raw == Integer.class) {
            return 37;
        }
        if (raw == long.class || raw == Long.class) {
            return 1278L;
        }
        if (raw == double.class || raw == Double.class || raw == Object.class) {
            return 412.5;
        }
        if (raw == Instant.class) {
            return AT;
        }
        if (raw == Duration.class) {
            return Duration.ofMillis(1500);
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (type instanceof ParameterizedType p && (raw == List.class || raw == Collection.class)) {
            return List.of(sample(p.getActualTypeArguments()[0], where + ".item"));
        }
        if (type instanceof ParameterizedType p && raw == Set.class) {
            return Set.of(sample(p.getActualTypeArguments()[0], where + ".item"));
        }
        if (type instanceof ParameterizedType p && raw == Map.class) {
            return Map.of(sample(p.getActualTypeArguments()[0], where + ".key"), sample(p.getActualTypeArguments()[1],
                    where + ".value"));
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = sample(components[i].getGenericType(), where + "." + components[i].getName());
            }
            Constructor<?> canonical = raw.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        }
        return fail("No sample for " + where + " of type " + type.getTypeName() + ": a message crossing to the other"
                + " consoles needs a type Jackson can read back (a record, an enum, a list, a map, text, a number, time)");
    }
}
