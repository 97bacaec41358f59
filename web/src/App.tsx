import { lazy, Suspense } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { Avatar, Dropdown, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { ROLE_LABELS, useSession, useSessionActions } from './auth';
import { LoginPage } from './pages/LoginPage';
import { CaseListPage } from './pages/CaseListPage';

const CaseEditPage = lazy(() => import('./pages/CaseEditPage'));
const ReviewPage = lazy(() => import('./pages/ReviewPage'));
const SelfCheckPage = lazy(() => import('./pages/SelfCheckPage'));
const EvaluationsPage = lazy(() => import('./pages/EvaluationsPage'));
const RulesPage = lazy(() => import('./pages/RulesPage'));
const EvaluationTasksPage = lazy(() => import('./pages/EvaluationTasksPage'));

const NAV = [
  { key: '/cases', label: '案卷列表' },
  { key: '/cases/new', label: '案卷录入' },
  { key: '/self-check', label: '自查（承办人）' },
  { key: '/evaluations', label: '年度评查' },
  { key: '/evaluation-tasks', label: '评查任务' },
  { key: '/rules', label: '规则库' },
];

function UserMenu() {
  const session = useSession();
  const { logout } = useSessionActions();
  if (session.state === 'no-auth') return <Tag color="default">未启用账号（单机模式）</Tag>;
  if (session.state !== 'user') return null;
  const u = session.user;
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'roles', label: `角色：${u.roles.map((r) => ROLE_LABELS[r] ?? r).join('、')}`, disabled: true },
          { key: 'agency', label: `机关：${u.agency.name}`, disabled: true },
          { type: 'divider' },
          { key: 'logout', label: '退出登录', onClick: () => void logout() },
        ],
      }}
    >
      <a data-testid="user-menu" style={{ color: '#fff' }} tabIndex={0}>
        <Avatar size="small" style={{ background: '#5b8cc9', marginRight: 8 }}>{u.displayName.slice(0, 1)}</Avatar>
        {u.displayName} · {u.agency.name}
      </a>
    </Dropdown>
  );
}

export function App() {
  const session = useSession();
  const location = useLocation();
  if (session.state === 'loading') return <Spin fullscreen tip="加载中" />;
  if (session.state === 'anonymous') return <LoginPage />;
  const selected = NAV.filter((n) => location.pathname === n.key || location.pathname.startsWith(n.key + '/'))
    .sort((a, b) => b.key.length - a.key.length)[0]?.key;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 20 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          <Link to="/cases" style={{ color: '#fff' }}>案卷合规检查</Link>
        </Typography.Title>
        <Menu theme="dark" mode="horizontal" selectedKeys={selected ? [selected] : []} style={{ flex: 1, minWidth: 0 }}
          items={NAV.map((n) => ({ key: n.key, label: <Link to={n.key}>{n.label}</Link> }))} />
        <UserMenu />
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <Suspense fallback={<Spin style={{ margin: 48 }} />}>
          <Routes>
            <Route path="/" element={<Navigate to="/cases" replace />} />
            <Route path="/login" element={<Navigate to="/cases" replace />} />
            <Route path="/cases" element={<CaseListPage />} />
            <Route path="/cases/new" element={<CaseEditPage />} />
            <Route path="/cases/:id/edit" element={<CaseEditPage />} />
            <Route path="/cases/:id/review" element={<ReviewPage />} />
            <Route path="/self-check" element={<SelfCheckPage />} />
            <Route path="/self-check/:id" element={<SelfCheckPage />} />
            <Route path="/evaluations" element={<EvaluationsPage />} />
            <Route path="/evaluations/:id" element={<EvaluationsPage />} />
            <Route path="/evaluation-tasks" element={<EvaluationTasksPage />} />
            <Route path="/evaluation-tasks/:id" element={<EvaluationTasksPage />} />
            <Route path="/evaluation-tasks/:id/cases/:caseId" element={<EvaluationTasksPage />} />
            <Route path="/rules" element={<RulesPage />} />
            <Route path="*" element={<Typography.Text>页面不存在</Typography.Text>} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
