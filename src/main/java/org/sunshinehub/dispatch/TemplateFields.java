package org.sunshinehub.dispatch;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sunshinehub.text.PlainText;

/**
 * {@code <@field name="keyword1">…</@field>} in a message template: the body is rendered into a value of its own,
 * kept on one line and stored under its name. A message is these values, never text parsed back into fields, so
 * what an item holds can change a value but never add or replace another.
 */
final class TemplateFields implements TemplateDirectiveModel {

    private final Map<String, String> values = new LinkedHashMap<>();

    @Override
    public void execute(Environment env, @SuppressWarnings("rawtypes") Map params, TemplateModel[] loopVars,
                        TemplateDirectiveBody body) throws TemplateException, IOException {
        Object name = params.get("name");
        if (name == null || params.size() != 1) {
            throw new TemplateModelException("<@field> 须有且只有参数 name");
        }
        StringWriter value = new StringWriter();
        if (body != null) {
            body.render(value);
        }
        values.put(name.toString(), PlainText.line(value.toString()).strip());
    }

    Map<String, String> values() {
        return values;
    }
}
