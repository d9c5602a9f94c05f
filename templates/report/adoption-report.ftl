<#-- 采纳情况 (《重大行政决策程序暂行条例》第三十二条: 说明公众意见的采纳情况). Model: title, issuer, summary, total,
     counts (ADOPTED / PARTLY / NOT_ADOPTED), opinions [{text, adoption, reason}]. -->
关于《${title}》公开征求意见采纳情况的说明

${issuer}就《${title}》公开征求社会意见，共收到意见 ${total} 条，其中采纳 ${counts.ADOPTED!0} 条、部分采纳 ${counts.PARTLY!0} 条、未采纳 ${counts.NOT_ADOPTED!0} 条。<#if summary?has_content>
${summary}</#if>

<#list opinions?filter(o -> o.adoption != "NOT_ADOPTED") as o>
<#if o?is_first>一、采纳或部分采纳的意见
</#if>${o?counter}. ${o.text}<#if o.reason?has_content>（${o.reason}）</#if>
</#list>
<#list opinions?filter(o -> o.adoption == "NOT_ADOPTED") as o>
<#if o?is_first>二、未采纳的主要意见及理由
</#if>${o?counter}. ${o.text}：${o.reason}
</#list>
感谢社会各界的关心和支持。
