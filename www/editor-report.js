// The report body the editor pages start with: a 2023 report's Table B as a CMS article holds it
// (pasted from Word: the group label merged down its rows), with one total that does not add up
// (31 written as 32). The tests put the corrected body in through each editor's own API.
export const BODY = `<p>某县发展和改革局2023年政府信息公开工作年度报告</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1"><tbody>
<tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>30</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>32</td></tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>30</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>31</td></tr>
<tr><td colspan="2">（七）总计</td><td>30</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>31</td></tr>
<tr><td colspan="3">四、结转下年度继续办理</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</tbody></table>`;

export const FIXED = BODY.replace('<td>0</td><td>32</td>', '<td>0</td><td>31</td>');
