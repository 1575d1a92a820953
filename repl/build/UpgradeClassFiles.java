import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites, in place, the classes of a jar whose class-file version is older than Java 6's
 * (ASM's and picocli's are Java 5's) as Java 8 class files, with stack map frames.
 *
 * <p>Why: the JDK's AOT cache (see the launcher) leaves out classes older than version 50,
 * so each of them was read from the jar and verified at every start that used it: the
 * bytecode tier's first compile cost 15-20 ms more than it does from the cache, and an
 * option on the command line (picocli) more still. The code itself is unchanged.
 *
 * <p>Run by the build after the shaded jar is made, with that jar (which holds ASM) on the
 * class path: {@code java -cp thr.jar UpgradeClassFiles.java thr.jar}.
 */
public class UpgradeClassFiles {
    /** Java 6's class-file version: the oldest the AOT cache keeps. */
    private static final int OLDEST_CACHED = 50;

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        int upgraded = 0;
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(file)) {
            // entries in their order: the manifest stays first, as JarInputStream needs
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes;
                try (var stream = in.getInputStream(entry)) {
                    bytes = stream.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && version(bytes) < OLDEST_CACHED) {
                    bytes = upgraded(bytes);
                    upgraded++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("UpgradeClassFiles: " + upgraded + " classes of " + jar.getFileName() + " now Java 8 class files");
    }

    private static int version(byte[] classFile) {
        return (classFile[6] & 0xff) << 8 | classFile[7] & 0xff;
    }

    /** The class as a Java 8 class file: frames computed (version 50 and up are verified by them), the code as it was. */
    private static byte[] upgraded(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
