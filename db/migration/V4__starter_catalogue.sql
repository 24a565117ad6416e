-- Starter departments, handler routes and matter catalogue, following the matter list of the
-- grid governance guideline (information collection, safety hazards, public services, dispute
-- mediation, city management, special tasks). A locality edits these rows to fit its own
-- catalogue; time limits follow common field practice and are defaults, not rules.

INSERT INTO department (code, name) VALUES
    ('governance_centre',    '镇（街道）综治中心'),
    ('city_management',      '城市管理和综合执法局'),
    ('public_security',      '公安局（派出所）'),
    ('fire_rescue',          '消防救援大队'),
    ('emergency_management', '应急管理局'),
    ('market_regulation',    '市场监督管理局'),
    ('justice',              '司法局（司法所）'),
    ('housing',              '住房和城乡建设局'),
    ('environment',          '生态环境局'),
    ('civil_affairs',        '民政局'),
    ('human_resources',      '人力资源和社会保障局'),
    ('water',                '水务局'),
    ('natural_resources',    '自然资源局');

INSERT INTO handler_route (code, name, description, sort_order) VALUES
    ('grid_self',       '网格自办',     '网格员能够处置的简单事项，由网格员自办自结', 1),
    ('department',      '职能部门办理', '分流至职能部门，按部门职责处置', 2),
    ('social_force',    '社会力量办理', '交由社会组织、物业企业等社会力量处置', 3),
    ('joint_escalated', '提级联办',     '超出村（社区）权责的复杂事项，提级至上级并由多部门联合处置', 4);

INSERT INTO matter_category (code, name, group_name, department_code, handler_route_code,
                             assign_limit_minutes, urgent_assign_limit_minutes,
                             handling_limit, handling_limit_unit, sort_order) VALUES
    ('0101', '人口信息变动',         '信息采集', 'governance_centre',    'grid_self',       120, 30, 5,  'working_days', 101),
    ('0102', '出租屋信息登记',       '信息采集', 'public_security',      'grid_self',       120, 30, 5,  'working_days', 102),
    ('0201', '消防通道堵塞',         '安全隐患', 'fire_rescue',          'department',      120, 30, 24, 'hours',        201),
    ('0202', '电动车违规停放充电',   '安全隐患', 'fire_rescue',          'grid_self',       120, 30, 24, 'hours',        202),
    ('0203', '燃气安全隐患',         '安全隐患', 'housing',              'department',      120, 30, 4,  'hours',        203),
    ('0204', '危房与建筑安全隐患',   '安全隐患', 'housing',              'department',      120, 30, 3,  'working_days', 204),
    ('0205', '地质灾害与内涝隐患',   '安全隐患', 'emergency_management', 'joint_escalated', 120, 30, 24, 'hours',        205),
    ('0206', '重点人群服务管理',     '安全隐患', 'public_security',      'department',      120, 30, 3,  'working_days', 206),
    ('0301', '特殊群体帮扶',         '公共服务', 'civil_affairs',        'social_force',    120, 30, 5,  'working_days', 301),
    ('0302', '政务服务咨询',         '公共服务', 'governance_centre',    'grid_self',       120, 30, 2,  'working_days', 302),
    ('0303', '小区环境卫生',         '公共服务', 'city_management',      'social_force',    120, 30, 2,  'working_days', 303),
    ('0304', '供水排水故障',         '公共服务', 'water',                'department',      120, 30, 24, 'hours',        304),
    ('0401', '邻里纠纷',             '矛盾纠纷', 'justice',              'grid_self',       120, 30, 10, 'working_days', 401),
    ('0402', '物业服务纠纷',         '矛盾纠纷', 'housing',              'social_force',    120, 30, 15, 'working_days', 402),
    ('0403', '劳资纠纷',             '矛盾纠纷', 'human_resources',      'department',      120, 30, 15, 'working_days', 403),
    ('0404', '婚姻家庭纠纷',         '矛盾纠纷', 'justice',              'grid_self',       120, 30, 10, 'working_days', 404),
    ('0501', '占道经营',             '城市管理', 'city_management',      'department',      120, 30, 2,  'working_days', 501),
    ('0502', '违法建设',             '城市管理', 'city_management',      'department',      120, 30, 15, 'working_days', 502),
    ('0503', '井盖缺失或破损',       '城市管理', 'city_management',      'department',      120, 30, 2,  'hours',        503),
    ('0504', '路灯损坏',             '城市管理', 'city_management',      'department',      120, 30, 3,  'working_days', 504),
    ('0505', '噪声扰民',             '城市管理', 'environment',          'department',      120, 30, 24, 'hours',        505),
    ('0506', '乱堆乱放与垃圾堆积',   '城市管理', 'city_management',      'grid_self',       120, 30, 24, 'hours',        506),
    ('0507', '无证经营与食品安全',   '城市管理', 'market_regulation',    'department',      120, 30, 3,  'working_days', 507),
    ('0601', '上级交办专项任务',     '专项任务', 'governance_centre',    'joint_escalated', 120, 30, 10, 'working_days', 601);
