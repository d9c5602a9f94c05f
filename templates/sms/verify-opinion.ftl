<#-- Parameters of the Aliyun verification-code template for an opinion on a public page (sandbox text:
     您正在对《${title}》提出意见，验证码${code}，${minutes}分钟内有效，请勿告诉他人。). No opt-out hint: the citizen asked for it. -->
<#assign title = item.title><#if title?length gt 30><#assign title = title[0..28] + "…"></#if>
<@field name="title">${title}</@field>
<@field name="code">${code}</@field>
<@field name="minutes">${minutes}</@field>
