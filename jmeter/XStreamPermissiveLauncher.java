import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Starts Debian's JMeter 2.13 with XStream's security allow-list opened up.
 *
 * <p>Why: Debian ships JMeter 2.13 against XStream 1.4.20. Since XStream 1.4.18 the allow-list is
 * enforced by default and JMeter 2.13 never registers any permission, so loading any .jmx fails
 * with {@code ForbiddenClassException: org.apache.jmeter.save.ScriptWrapper}.
 *
 * <p>How: JMeter serialises plans and XML results through two private static XStream instances in
 * {@code org.apache.jmeter.save.SaveService} ({@code JMXSAVER} and {@code JTLSAVER}). This launcher
 * initialises SaveService exactly the way JMeter would, adds {@code AnyTypePermission.ANY} to both
 * instances, then hands over to the normal entry point {@code org.apache.jmeter.NewDriver.main}.
 * The plans loaded this way are our own files, so allowing any type is acceptable here.
 *
 * <p>Everything is done by reflection through NewDriver's class loader: NewDriver builds its own
 * {@code DynamicClassLoader} over {@code $jmeter.home/lib} and {@code lib/ext} in its static
 * initialiser, and JMeter's classes must be the very ones that JMeter later runs with (a second
 * copy loaded from our own class path would have its own, unpatched, static fields). As a bonus
 * this file compiles with a bare {@code javac}: no JMeter jar is needed at compile time.
 *
 * <p>Usage: {@code java -Djmeter.home=/usr/share/jmeter -cp <dir of this class>:/usr/share/jmeter/bin/ApacheJMeter.jar
 * XStreamPermissiveLauncher <normal jmeter arguments>}
 */
public final class XStreamPermissiveLauncher {
    private XStreamPermissiveLauncher() {
    }

    public static void main(String[] args) throws Exception {
        String home = System.getProperty("jmeter.home");
        if (home == null || home.isEmpty()) {
            throw new IllegalStateException("-Djmeter.home=... is required (e.g. /usr/share/jmeter)");
        }

        // Triggers NewDriver's static initialiser, which creates its class loader over JMeter's jars.
        Class<?> newDriver = Class.forName("org.apache.jmeter.NewDriver");
        ClassLoader jmeterLoader = (ClassLoader) readStatic(newDriver, "loader");

        // SaveService's static initialiser reads $jmeter.home + ${saveservice_properties}, so JMeterUtils
        // must know the home directory and the properties before SaveService is first touched.
        // JMeter.start() loads the properties again later (including -p/-q/-J), which is harmless.
        Class<?> jmeterUtils = Class.forName("org.apache.jmeter.util.JMeterUtils", true, jmeterLoader);
        jmeterUtils.getMethod("setJMeterHome", String.class).invoke(null, home);
        String properties = home + File.separator + "bin" + File.separator + "jmeter.properties";
        jmeterUtils.getMethod("loadJMeterProperties", String.class).invoke(null, properties);

        Class<?> saveService = Class.forName("org.apache.jmeter.save.SaveService", true, jmeterLoader);
        Class<?> typePermission = Class.forName("com.thoughtworks.xstream.security.TypePermission", true, jmeterLoader);
        Object anyType = readStatic(
                Class.forName("com.thoughtworks.xstream.security.AnyTypePermission", true, jmeterLoader), "ANY");
        for (String field : new String[] {"JMXSAVER", "JTLSAVER"}) {
            Object xstream = readStatic(saveService, field);
            Method addPermission = xstream.getClass().getMethod("addPermission", typePermission);
            addPermission.invoke(xstream, anyType);
        }

        newDriver.getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static Object readStatic(Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }
}
