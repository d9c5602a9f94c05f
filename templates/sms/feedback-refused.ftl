<#-- Parameters of the Aliyun template telling a citizen their reply was not taken (sandbox text: ${reason}). -->
<@field name="reason">${notice.reason}</@field>
