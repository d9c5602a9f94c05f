package org.sunshinehub.channel.wechat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads WeChat's callback XML — the envelope and the decrypted message alike — into its {@code <xml>} root's
 * direct children. A streaming parser with no DTD support: any DOCTYPE is refused before an entity could be
 * declared, let alone expanded or fetched. Depth, attributes, element count and text size are bounded, and the
 * parser never recurses, so hostile nesting cannot overflow the stack.
 */
final class CallbackXml {

    static final int MAX_DEPTH = 8;
    static final int MAX_ATTRIBUTES = 4;
    static final int MAX_ELEMENTS = 500;
    static final int MAX_TEXT = 32 * 1024;

    private static final XMLInputFactory FACTORY = factory();

    private CallbackXml() {
    }

    /** @throws CallbackRejected (MALFORMED) for anything but a bounded, DTD-free {@code <xml>} document */
    static Map<String, String> parse(String xml) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            return read(reader);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof CallbackRejected rejected) {
                throw rejected;
            }
            throw CallbackRejected.malformed("XML 格式错误");
        } finally {
            close(reader);
        }
    }

    private static Map<String, String> read(XMLStreamReader reader) throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        String field = null;
        int depth = 0;
        int elements = 0;
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw CallbackRejected.malformed("XML 不得包含 DOCTYPE 或实体");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > MAX_DEPTH || ++elements > MAX_ELEMENTS || reader.getAttributeCount() > MAX_ATTRIBUTES) {
                        throw CallbackRejected.malformed("XML 结构超出限制");
                    }
                    if (depth == 1 && !"xml".equals(reader.getLocalName())) {
                        throw CallbackRejected.malformed("根元素须为 <xml>");
                    }
                    if (depth == 2) {
                        field = reader.getLocalName();
                        text.setLength(0);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 2) {
                        text.append(reader.getText());
                        if (text.length() > MAX_TEXT) {
                            throw CallbackRejected.malformed("XML 字段过长");
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 2) {
                        fields.putIfAbsent(field, text.toString().strip());
                    }
                    depth--;
                }
                default -> {
                    // comments and processing instructions carry nothing WeChat sends
                }
            }
        }
        if (elements == 0) {
            throw CallbackRejected.malformed("XML 为空");
        }
        return fields;
    }

    private static XMLInputFactory factory() {
        // The JDK's own parser, whatever else is on the class path, so these settings are known to apply.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are never loaded");
        });
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was held open: the source is a string
            }
        }
    }
}
