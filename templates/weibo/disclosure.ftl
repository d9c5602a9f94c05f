<#-- A Weibo post (2/statuses/share): plain text, at most 140 characters as Weibo counts them, no #话题#, and the
     item's link, which must be under the account's safe domain (it is kept whole if the text is shortened). -->
【${(item.issuer!"政务公开")}】${item.title?replace("\\s+", " ", "r")}<#if item.docNumber??>（${item.docNumber}）</#if> ${item.url!""}
