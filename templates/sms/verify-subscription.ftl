<#-- Parameters of the Aliyun verification-code template for the subscription page (sandbox text:
     您正在管理政务信息订阅，验证码${code}，${minutes}分钟内有效，请勿告诉他人。). -->
<@field name="code">${code}</@field>
<@field name="minutes">${minutes}</@field>
