import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the sample site's images (small, abstract, each marked SAMPLE). Run from samples/:
 * java MakeSampleImages.java site/img      (make-images.sh also writes the EXIF GPS photo)
 */
public class MakeSampleImages {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "site/img");
        Files.createDirectories(dir);
        avatar(dir.resolve("avatar-riley.png"), "RS", new Color(0x3b7dd8));
        avatar(dir.resolve("avatar-morgan.png"), "MO", new Color(0xd86f3b));
        avatar(dir.resolve("avatar-kai.png"), "KA", new Color(0x3bd88a));
        avatar(dir.resolve("avatar-sam.png"), "SP", new Color(0x9b3bd8));
        landscape(dir.resolve("post-ridge.png"), new Color(0xf6a04d), new Color(0x5a3d7a), new Color(0x2d2a4a), "ridge");
        landscape(dir.resolve("post-lake.png"), new Color(0x8fd3f4), new Color(0x3a7bd5), new Color(0x1e4d6b), "lake");
        landscape(dir.resolve("forum-attachment.png"), new Color(0xe0e0e0), new Color(0x9aa5b1), new Color(0x4a5562), "attachment");
        landscape(dir.resolve("feed-1.png"), new Color(0xffd27f), new Color(0xe07a5f), new Color(0x3d405b), "feed 1");
        landscape(dir.resolve("feed-2.png"), new Color(0xb8f2e6), new Color(0x5e6472), new Color(0x264653), "feed 2");
    }

    static Graphics2D g(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    static void avatar(Path out, String initials, Color c) throws IOException {
        BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = g(img);
        g.setColor(c);
        g.fillOval(0, 0, 96, 96);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
        g.drawString(initials, 48 - g.getFontMetrics().stringWidth(initials) / 2, 60);
        g.dispose();
        ImageIO.write(img, "png", out.toFile());
    }

    static void landscape(Path out, Color sky, Color hills, Color ground, String label) throws IOException {
        BufferedImage img = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = g(img);
        g.setPaint(new GradientPaint(0, 0, sky, 0, 200, hills.brighter()));
        g.fillRect(0, 0, 480, 320);
        g.setColor(new Color(255, 255, 255, 180));
        g.fillOval(330, 50, 70, 70);
        g.setColor(hills);
        g.fillPolygon(new int[] {0, 90, 170, 260, 360, 480, 480, 0}, new int[] {230, 140, 200, 110, 190, 150, 320, 320}, 8);
        g.setColor(ground);
        g.fillPolygon(new int[] {0, 120, 250, 380, 480, 480, 0}, new int[] {280, 240, 270, 235, 260, 320, 320}, 7);
        g.setColor(new Color(0, 0, 0, 120));
        g.fillRect(0, 0, 480, 30);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("SAMPLE IMAGE - " + label, 12, 21);
        g.setStroke(new BasicStroke(2));
        g.drawRect(1, 1, 477, 317);
        g.dispose();
        ImageIO.write(img, "png", out.toFile());
    }
}
