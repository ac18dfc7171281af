package io.throughgate.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import io.smallrye.config.ConfigMapping;

/**
 * The environment variables the hub reads, derived from its configuration as the code declares it: every property
 * of every {@code @ConfigMapping} interface under {@code target/classes} (names in kebab case, nested interfaces as
 * groups), and every property set in {@code application.properties}, each in its environment form (MicroProfile
 * Config: upper case, anything not a letter or digit as {@code _}).
 */
final class ConfigurationNames {

    private ConfigurationNames() {
    }

    /** The environment form of every property the hub knows. */
    static Set<String> environmentNames() {
        Set<String> names = new HashSet<>();
        for (Class<?> mapping : mappings(Path.of("target/classes"))) {
            properties(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), names);
        }
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            file.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A profile's setting (%dev.name) is the setting name.
        file.stringPropertyNames().forEach(name -> names.add(environmentForm(name.replaceFirst("^%[a-z]+\\.", ""))));
        return names;
    }

    static String environmentForm(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static void properties(Class<?> group, String prefix, Set<String> names) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers()) || method.isDefault()) {
                continue;
            }
            String name = prefix + "." + kebab(method.getName());
            Class<?> type = valueType(method.getGenericReturnType());
            if (type.isInterface() && type.getName().startsWith("io.throughgate.")) {
                properties(type, name, names);
            } else {
                names.add(environmentForm(name));
            }
        }
    }

    /** The value type, unwrapping Optional. */
    private static Class<?> valueType(Type type) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getRawType().getTypeName().equals("java.util.Optional")) {
            return valueType(parameterized.getActualTypeArguments()[0]);
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return (Class<?>) type;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static List<Class<?>> mappings(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class")).map(file -> classes.relativize(file)
                    .toString().replace('/', '.').replaceAll("\\.class$", "")).filter(name -> !name.contains("$"))
                    .map(ConfigurationNames::load).filter(type -> type != null && type.isAnnotationPresent(
                            ConfigMapping.class))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConfigurationNames.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
