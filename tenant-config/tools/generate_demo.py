#!/usr/bin/env python3
"""Writes the demo region's tenant-config files (tenant-config/demo) from a fixed seed.

The eleven hand-written tenants of the first demo keep their organisations and members; the generator adds
enough tenants of every type for the region to look like a county-level city (张家港), each with a small
organisation tree, a few members with valid (fictitious) ID card numbers, and a different set of plugins on.
It was run once, from the repository root, over the first demo's CSV files (see git history), which it replaces:
python3 tenant-config/tools/generate_demo.py
"""
import csv
import io
import os
import random
import shutil

DEMO = "tenant-config/demo"
random.seed(20261123)

REGIONS = [
    ("zjg", "张家港市委组织部", "DEPARTMENT", None),
    ("zjg-yangshe", "杨舍镇党建区域", "AREA", "zjg"),
    ("zjg-jingang", "金港镇党建区域", "AREA", "zjg"),
    ("zjg-tangqiao", "塘桥镇党建区域", "AREA", "zjg"),
    ("zjg-fenghuang", "凤凰镇党建区域", "AREA", "zjg"),
    ("zjg-leyu", "乐余镇党建区域", "AREA", "zjg"),
    ("zjg-yangshe-east", "杨舍东区共建小组", "CO_BUILDING_GROUP", "zjg-yangshe"),
    ("zjg-jingang-port", "金港港区共建小组", "CO_BUILDING_GROUP", "zjg-jingang"),
    ("zjg-yangshe-east-station", "东城区域党建工作站", "STATION", "zjg-yangshe-east"),
    ("zjg-jingang-port-station", "港区区域党建工作站", "STATION", "zjg-jingang-port"),
    ("zjg-yangshe-east-grid-01", "东城第一网格", "GRID", "zjg-yangshe-east-station"),
]
PLUGINS = ["points", "crowdfunding", "live-contests", "learning-centre"]
TYPES = {
    "COMMUNITY": ("community", ["社区", "村"], ["金湾", "南苑", "华昌", "梁丰", "暨阳", "沙洲", "乘航", "永联", "长安", "恬庄",
                                              "双山", "后塍", "德积", "大新", "锦丰", "晨阳", "兆丰", "南丰", "常阴沙", "妙桥"]),
    "ENTERPRISE": ("corp", ["集团", "股份有限公司"], ["华昌化工", "东华能源", "澳洋", "永钢", "国泰", "骏马", "双山机械", "保税物流",
                                                   "长江港务", "恒丰纺织", "新东方电器", "富瑞特装", "江苏银行张家港支行", "牡丹汽车",
                                                   "金港船舶", "华芳纺织", "攀华钢铁", "康得新", "沙洲电力", "润华食品"]),
    "NON_PUBLIC_ENTERPRISE": ("private", ["有限公司", "科技有限公司"], ["星辰软件", "青禾农业", "云帆电商", "海纳新材",
                                                                      "博远光电", "江南酿造", "汇通快递", "绿源环保", "智造机器人",
                                                                      "沙洲文创", "长青医疗器械", "锦绣家纺", "迅捷汽配", "润泽建材",
                                                                      "明德教育", "橙果设计", "远航物流", "东湖餐饮", "天成包装",
                                                                      "港城网络"]),
    "SOCIAL_ORGANISATION": ("assoc", ["协会", "商会"], ["青年企业家", "个体劳动者", "物流行业", "餐饮行业", "会计师", "建筑业",
                                                      "慈善", "老年体育", "摄影家", "书法家", "红十字", "义工联合",
                                                      "外来务工人员服务", "家政服务", "电子商务", "旅游", "跆拳道",
                                                      "围棋", "乡贤", "退役军人服务"]),
    "INSTITUTION": ("inst", ["医院", "学校"], ["第二人民", "中医", "妇幼保健", "市实验", "梁丰高级", "外国语", "暨阳湖",
                                              "沙洲职业工学院", "市档案", "市图书", "市博物", "市文化", "市疾控",
                                              "凤凰中心", "乐余中心", "锦丰中心", "塘桥人民", "金港人民", "杨舍中心",
                                              "市少年宫"]),
}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华志强海燕雪梅晓东文博子涵思远欣怡浩然雨轩"
ETHNICITIES = ["汉族"] * 12 + ["回族", "满族", "壮族"]
EDUCATION = ["高中", "大专", "本科", "本科", "研究生"]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_card(birth, female):
    area = "320582"
    sequence = random.randint(10, 99) * 10 + (random.choice([0, 2, 4, 6, 8]) if female else random.choice([1, 3, 5, 7, 9]))
    stem = area + birth.replace("-", "") + f"{sequence:03d}"
    return stem + "10X98765432"[sum(int(c) * w for c, w in zip(stem, WEIGHTS)) % 11]


def read(name):
    with open(os.path.join(DEMO, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(path, header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with open(path, "w", encoding="utf-8") as f:
        f.write(buffer.getvalue())


def yaml_list(values):
    return "[" + ", ".join(values) + "]"


def main():
    # The first demo's CSV files, read once and then replaced by one YAML file per region and tenant.
    legacy_tenants = read("tenants.csv") if os.path.exists(os.path.join(DEMO, "tenants.csv")) else []
    legacy_orgs = read("organisations.csv") if os.path.exists(os.path.join(DEMO, "organisations.csv")) else []
    legacy_members = read("members.csv") if os.path.exists(os.path.join(DEMO, "members.csv")) else []
    for legacy in ("regions.csv", "tenants.csv", "organisations.csv", "members.csv"):
        if os.path.exists(os.path.join(DEMO, legacy)):
            os.remove(os.path.join(DEMO, legacy))
    for folder in ("regions", "tenants"):
        shutil.rmtree(os.path.join(DEMO, folder), ignore_errors=True)
        os.makedirs(os.path.join(DEMO, folder))

    for code, name, level, parent in REGIONS:
        lines = ["# A region of the demo: 张家港 (a county-level city) and its party-building areas.",
                 "region:", f"  code: {code}", f"  name: {name}", f"  level: {level}"]
        if parent:
            lines.append(f"  parent: {parent}")
        if code == "zjg":
            lines += ["# The demo user who administers the whole city (password demo, demo realm only).",
                      "administrators: [region-admin]"]
        with open(os.path.join(DEMO, "regions", code + ".yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    memberships = {
        "zjg-shagang-steel": [("tenant-admin", "TENANT_ADMIN", None), ("branch-secretary", "BRANCH_SECRETARY", "B01"),
                              ("member", "MEMBER", None, "M0001"), ("second-member", "MEMBER", None, "M0002")],
        "zjg-jingang-community": [("tenant-admin", "TENANT_ADMIN", None), ("second-member", "MEMBER", None),
                                  ("masses", "MASSES", None)],
    }
    tenants = []
    for row in legacy_tenants:
        orgs = [[o["code"], o["name"], o["kind"], o["parent_code"]] for o in legacy_orgs if o["tenant"] == row["id"]]
        members = [[m[c] for c in MEMBER_COLUMNS] for m in legacy_members if m["tenant"] == row["id"]]
        tenants.append((row["id"], row["name"], row["type"], row["region_code"], orgs, members))

    leaf_regions = [r[0] for r in REGIONS if r[2] != "DEPARTMENT"]
    for tenant_type, (slug, suffixes, names) in TYPES.items():
        existing = sum(1 for t in tenants if t[2] == tenant_type)
        for index, base in enumerate(names[: max(0, 20 - existing)]):
            tenant_id = f"zjg-{slug}-{index + 1:02d}"
            name = base + random.choice(suffixes)
            region = random.choice(leaf_regions)
            orgs = [["P01", name + "党支部", "BRANCH", ""], ["P01-G1", "第一党小组", "GROUP", "P01"],
                    ["P01-G2", "第二党小组", "GROUP", "P01"]]
            members = []
            for number in range(1, random.randint(3, 6) + 1):
                female = random.random() < 0.45
                year = random.randint(1955, 2000)
                birth = f"{year}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"
                joined = f"{min(2024, year + random.randint(20, 35))}-{random.randint(1, 12):02d}-01"
                members.append([f"M{number:04d}", random.choice(SURNAMES) + random.choice(GIVEN) + random.choice(["", random.choice(GIVEN)]),
                                "FEMALE" if female else "MALE", birth, random.choice(ETHNICITIES),
                                random.choice(EDUCATION), f"13{random.randint(100000000, 999999999)}", joined,
                                random.choice(["FULL", "FULL", "FULL", "PROBATIONARY"]), "P01", "false",
                                id_card(birth, female)])
            tenants.append((tenant_id, name, tenant_type, region, orgs, members))

    for tenant_id, name, tenant_type, region, orgs, members in tenants:
        plan = PLUGINS if random.random() < 0.7 else random.sample(PLUGINS, 2)
        enabled = {p: (random.random() < 0.6) for p in plan}
        if tenant_id in memberships:
            enabled = {p: True for p in PLUGINS}
            plan = PLUGINS
        lines = [f"# {name}: a demo tenant of type {tenant_type}.",
                 "tenant:", f"  id: {tenant_id}", f"  name: {name}", f"  type: {tenant_type}", f"  region: {region}",
                 "plan:", f"  plugins: {yaml_list(plan)}", "  memberQuota: 500", "  expiresOn: 2027-12-31",
                 "plugins:"]
        for plugin in plan:
            lines.append(f"  {plugin}: {{enabled: {'true' if enabled[plugin] else 'false'}}}")
        if tenant_id in memberships:
            lines.append("# Demo users (password demo, demo realm only); docs/identity.md says what each may do.")
            lines.append("memberships:")
            if any(len(entry) > 3 for entry in memberships[tenant_id]):
                lines.append("  # The demo logins `member` and `second-member` belong to members M0001 and M0002 "
                             "(their profile, card and points).")
            for username, role, organisation, *member in memberships[tenant_id]:
                extra = f", organisation: {organisation}" if organisation else ""
                extra += f", member: {member[0]}" if member else ""
                lines.append(f"  - {{username: {username}, role: {role}{extra}}}")
        lines += [f"organisations: {tenant_id}.organisations.csv", f"members: {tenant_id}.members.csv"]
        with open(os.path.join(DEMO, "tenants", tenant_id + ".yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        # The tenant column is optional beside a tenant file; kept, the files also suit the bulk import API.
        write_csv(os.path.join(DEMO, "tenants", tenant_id + ".organisations.csv"),
                  ["tenant", "code", "name", "kind", "parent_code"], [[tenant_id] + o for o in orgs])
        write_csv(os.path.join(DEMO, "tenants", tenant_id + ".members.csv"), ["tenant"] + MEMBER_COLUMNS,
                  [[tenant_id] + m for m in members])


MEMBER_COLUMNS = ["code", "name", "gender", "birth_date", "ethnicity", "education", "phone", "joined_on", "status",
                  "branch_code", "mobile", "id_card"]

if __name__ == "__main__":
    main()
