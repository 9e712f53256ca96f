import java.io.File;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/**
 * Validates an XML file against a schema found on the classpath:
 * java ValidateXML graphml.xsd file.graphml. Exit 0 when valid, 1 with the
 * first error otherwise, 2 on usage errors.
 */
public final class ValidateXML {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ValidateXML SCHEMA.xsd FILE");
            System.exit(2);
        }
        URL xsd = ValidateXML.class.getClassLoader().getResource(args[0]);
        if (xsd == null) {
            System.err.println("ValidateXML: no schema " + args[0] + " on the classpath");
            System.exit(2);
        }
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(new StreamSource(xsd.toExternalForm()));
        try {
            schema.newValidator().validate(new StreamSource(new File(args[1])));
        } catch (org.xml.sax.SAXParseException e) {
            System.err.printf("%s:%d:%d: %s%n", args[1], e.getLineNumber(), e.getColumnNumber(), e.getMessage());
            System.exit(1);
        }
        System.out.println(args[1] + ": valid against " + args[0]);
    }
}
