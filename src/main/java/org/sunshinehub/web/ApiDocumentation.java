package org.sunshinehub.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs} (the page: {@code /swagger-ui.html}): the staff and partner API
 * under {@code /api/**} with its two ways in, and the providers' callbacks under {@code /callbacks/**}, which take
 * no credentials of ours (the path token and the provider's signature are checked). Every error is a problem+json
 * body; each operation lists the ones the gate and the input checks answer.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String API_KEY = "apiKey";
    static final String STAFF = "staffAccount";
    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI sunshineHubApi() {
        return new OpenAPI()
                .info(new Info().title("阳光政务推送中枢 API").version("1")
                        .description("信息接收、审核、推送计划、投递追踪、市民留言与舆情回应任务。错误一律以 "
                                + "application/problem+json 返回，detail 说明原因，fields 指出出错的字段。"))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)
                                .description("对接系统的 API 密钥（sunshine.api.keys），各密钥的权限范围见 README"))
                        .addSecuritySchemes(STAFF, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("工作人员账号（与控制台登录相同的用户名和密码）；接口不使用控制台的会话"))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OpenApiCustomizer problemsAndSecurity() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            boolean callback = path.startsWith("/callbacks/");
            if (callback) {
                operation.setSecurity(List.of());
            } else {
                operation.setSecurity(List.of(new SecurityRequirement().addList(API_KEY),
                        new SecurityRequirement().addList(STAFF)));
                problem(operation, "401", "缺少或无效的凭据");
                problem(operation, "403", "此凭据无权访问该路径");
            }
            problem(operation, "400", "请求有误：detail 说明原因，fields 指出字段");
            problem(operation, "404", "未找到");
        }));
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses().get(status) == null) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .properties(Map.of("type", new StringSchema(), "title", new StringSchema(),
                        "status", new IntegerSchema(), "detail", new StringSchema().description("原因（中文）"),
                        "instance", new StringSchema(),
                        "fields", new MapSchema().additionalProperties(new StringSchema())
                                .description("出错的字段及原因")));
    }
}
